import type { Product } from '../../catalog/types';
import type { Finding, OffsetRange } from '../../core/finding';
import type { Setting } from '../types';
import type { KubernetesObjects } from './kubernetes';

/** Where a settings document lives: its own file, inside a deployment file of one of these kinds, or a Beats file. */
export type FormKind = 'plain' | 'eck' | 'helm' | 'compose' | 'configmap' | 'beats';

/** The forms a user may name with `--form` (and `auto`, the default: recognise by content). */
export const FORM_KINDS: readonly FormKind[] = ['plain', 'eck', 'helm', 'compose', 'configmap', 'beats'];

/** A version the host file states, and where it states it (`spec.version`, an image tag, `imageTag`). */
export interface VersionHint {
  version: string;
  /** Short description of the place, such as `image tag of service es01`. */
  source: string;
  range: OffsetRange;
}

/** What the host says about the document beyond its settings. */
export interface HostContext {
  /** ECK resource name (`metadata.name`) or compose service name. */
  name?: string;
  namespace?: string;
  /** For ECK: `nodeSets[2]` or `spec.config`; for Helm: `esConfig.elasticsearch.yml`; for compose: `environment`. */
  place?: string;
  /** ECK Kibana: the Elasticsearch resource `spec.elasticsearchRef.name` points at. */
  elasticsearchRef?: string;
  /** Helm values of the Elasticsearch chart: `protocol` (http or https), which its readiness probe uses. */
  protocol?: { value: string; range: OffsetRange };
  /** Helm values: the Secrets `secretMounts` mounts into the pod, where the settings' files may live. */
  secretMounts?: HelmSecretMount[];
}

/**
 * One entry of a chart's `secretMounts` (elastic/helm-charts elasticsearch/values.yaml and kibana/values.yaml;
 * templates/statefulset.yaml and deployment.yaml mount Secret `secretName` at `path`, or, with `subPath`, only
 * that key of it as the file `path`).
 */
export interface HelmSecretMount {
  secretName: string;
  path: string;
  subPath?: string;
}

/**
 * One settings document found inside a host file. Its offsets are the host file's offsets: a `text` document
 * is the host's characters `[start, end)` read as a settings file of its own (a block scalar's content or a
 * mapping; indentation is kept, so each character stands where it stands in the host and the offset map is
 * the identity); a `settings` document was built from the host's own nodes (compose `environment:` entries).
 */
export type EmbeddedDocument = EmbeddedBase & ({ source: 'text'; start: number; end: number } | { source: 'settings'; settings: Setting[] });

interface EmbeddedBase {
  product: Product;
  form: FormKind;
  version?: VersionHint;
  host: HostContext;
  /**
   * How the document's setting names were written: `yaml` (names as the product reads them) or `env` (Kibana
   * image environment names, which a did-you-mean must not rewrite into dotted names).
   */
  names: 'yaml' | 'env';
}

/** Everything recognised in one host file: its documents and the findings of the host itself. */
export interface FormsResult {
  form: FormKind;
  documents: EmbeddedDocument[];
  /** Findings about the host's own fields (ECK `spec.http.tls`, compose duplicates ...), in host offsets. */
  findings: Finding[];
  /** Secrets, cert-manager Certificates and the ECK references to them, for the certificate checks. */
  kubernetes: KubernetesObjects;
}

// The stack model as plain data: what a folder's settings files describe (clusters, nodes, Kibana, Beats),
// the TLS contexts each presents and trusts, the certificates behind them, and the trust edges between them
// with a verdict. The CLI's `estls map`, the server's `estls/stackModel` and `estls/certificates` answers and
// the views drawn from them all read these shapes; nothing here holds a password or a keystore value.

/** A place in a file: absolute path, 0-based line and column (as LSP positions are). */
export interface StackPlace {
  file: string;
  line: number;
  column: number;
}

/** What a component is. */
export type ComponentKind = 'elasticsearch' | 'kibana' | 'beat' | 'agent';

/** The deployment form a component's settings came from. */
export type SettingsForm = 'plain' | 'compose' | 'eck' | 'helm' | 'configmap' | 'beats';

/**
 * One TLS context of a component. `transport` and `http` are a node's two servers (the transport one also acts as
 * client); `client` is Kibana's or a Beat's connection to Elasticsearch; `server` is Kibana's own HTTPS.
 */
export interface StackContext {
  /** `<component id>#<kind>`, unique in the model. */
  id: string;
  kind: 'transport' | 'http' | 'client' | 'server';
  /** The settings prefix, ending in `ssl.` (`xpack.security.transport.ssl.`, `elasticsearch.ssl.`). */
  prefix: string;
  /** The `enabled` setting as written; undefined when not set. */
  enabled?: boolean;
  /** `verification_mode` / `verificationMode` as written, else the product default. */
  verificationMode: string;
  /** `client_authentication` as written, else the product default (servers only). */
  clientAuthentication?: string;
  /** Id of the certificate this context presents (its leaf), when it could be read. */
  presents?: string;
  /** Ids of the certificates sent after the leaf. */
  chain: string[];
  /** Ids of the certificates this context trusts (CAs, truststore entries). */
  trusts: string[];
  /** Where the context is configured (its first setting). */
  place: StackPlace;
}

/** A name others reach a component by, and where it comes from. */
export interface ReachName {
  name: string;
  /** `node.name`, `network.host`, `network.publish_host`, `http.publish_host`, `compose service`, `compose hostname`, `eck service`. */
  source: string;
  place?: StackPlace;
}

/** A connection target a component is configured with (`elasticsearch.hosts`, `discovery.seed_hosts`, `output.elasticsearch.hosts`). */
export interface HostTarget {
  /** As written (a URL or host[:port]). */
  value: string;
  /** The host part, without scheme or port. */
  host: string;
  setting: string;
  /** Whether the connection uses TLS, when the scheme alone does not say (a Beat's host without one takes `protocol`). */
  secure?: boolean;
  place: StackPlace;
}

/** A node, Kibana instance, Beat or Agent. */
export interface StackComponent {
  /** Unique in the model: `<kind>:<name>` or `<kind>:<name>@<file>` when names repeat. */
  id: string;
  kind: ComponentKind;
  /** node.name / server.name / the compose service / ECK resource name / file name, first found. */
  name: string;
  /** cluster.name when set (Elasticsearch), or the ECK resource's name. */
  cluster?: string;
  form: SettingsForm;
  /** The settings file, and where its settings start. */
  place: StackPlace;
  names: ReachName[];
  hosts: HostTarget[];
  contexts: StackContext[];
}

/** A cluster: nodes sharing `cluster.name` (or an ECK resource). */
export interface StackCluster {
  name: string;
  /** Component ids. */
  nodes: string[];
}

/** Expiry status of a certificate at the time of the check. */
export type CertificateStatus = 'valid' | 'expiring' | 'expired' | 'not-yet-valid';

/** A certificate found through a context's settings. */
export interface StackCertificate {
  /** SHA-256 fingerprint, hex. */
  id: string;
  subject: string;
  issuer: string;
  /** DNS and IP SANs, as `DNS:name` / `IP:addr`. */
  sans: string[];
  notBefore: string;
  notAfter: string;
  /** Whole days until notAfter (negative when expired). */
  daysLeft: number;
  status: CertificateStatus;
  isCA: boolean;
  selfSigned: boolean;
  /** The file it was read from. */
  file: string;
  /** Where settings name it (the path setting's value), and how (presented or trusted). */
  usedBy: Array<{ context: string; role: 'presents' | 'trusts'; place: StackPlace }>;
}

/** An `elasticsearch.keystore`: names only, never values. */
export interface StackKeystore {
  file: string;
  /** The component whose config folder holds it. */
  component?: string;
  formatVersion?: number;
  hasPassword?: boolean;
  settingNames: string[];
  /** Why it could not be read (locked, corrupt), in words safe to show. */
  problem?: string;
}

/** A verdict: true / false, or undefined when nothing can be known (a file missing, a template). */
export type Verdict = boolean | undefined;

/** One TLS connection the settings imply: a client context dialling a server context. */
export interface TrustEdge {
  /** Client context id (the one that verifies). */
  from: string;
  /** Server context id (the one that presents). */
  to: string;
  kind: 'http' | 'transport' | 'client-certificate';
  /** The host name the client dials, when the settings say it. */
  host?: string;
  /** Does the client's trust verify the presented chain? */
  trusted: Verdict;
  /** With full verification: does the certificate cover `host`? Undefined when not checked. */
  nameMatches?: Verdict;
  /** One sentence saying why (the same words as the finding, when there is one). */
  reason: string;
  place?: StackPlace;
}

/** The whole model of the checked folders. */
export interface StackModelData {
  folders: string[];
  clusters: StackCluster[];
  components: StackComponent[];
  certificates: StackCertificate[];
  keystores: StackKeystore[];
  edges: TrustEdge[];
}

/** One row of the Certificates view: a certificate file or a keystore of the workspace. */
export interface WorkspaceCertificateItem {
  file: string;
  kind: 'certificate' | 'keystore' | 'elasticsearch-keystore';
  /** For certificates, the leaf's (or the first certificate's) facts. */
  subject?: string;
  issuer?: string;
  sans: string[];
  notAfter?: string;
  daysLeft?: number;
  status: CertificateStatus | 'unreadable' | 'locked';
  /** Why unreadable or locked, safe to show; for an elasticsearch.keystore, its setting names joined. */
  detail?: string;
  /** Settings that name the file. */
  usedBy: StackPlace[];
}

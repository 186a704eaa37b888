import type { SettingDef } from '../types';
import { DOCS, es } from './docs';

/**
 * Core settings the TLS rules read (host names, ports, cluster identity). Their namespaces are not owned:
 * Elasticsearch has many more `network.*`, `http.*` or `path.*` settings than this catalog lists.
 */
export function coreSettings(): SettingDef[] {
  // path.data and path.logs name directories, so they are not `path` types (those must name files).
  return [
    es({ key: 'cluster.name', type: 'string', default: 'elasticsearch', docs: `${DOCS.important}#cluster-name`, description: 'Name of the cluster; a node only joins nodes with the same cluster name.' }),
    es({ key: 'node.name', type: 'string', default: 'the host name', docs: `${DOCS.important}#node-name`, description: 'Human-readable name of this node, shown in APIs and logs.' }),
    es({ key: 'network.host', type: 'list', default: '_local_', docs: DOCS.network, description: 'Address(es) the node binds to and publishes for both HTTP and transport; certificates must name what clients use.' }),
    es({ key: 'network.bind_host', type: 'list', default: 'the value of network.host', docs: DOCS.network, description: 'Address(es) the node listens on for HTTP and transport.' }),
    es({ key: 'network.publish_host', type: 'string', default: 'chosen from network.host', docs: DOCS.network, description: 'Address other nodes and clients are told to use to reach this node.' }),
    es({ key: 'http.host', type: 'list', default: 'the value of network.host', docs: DOCS.httpNetwork, description: 'Address(es) the HTTP layer binds to and publishes.' }),
    es({ key: 'http.publish_host', type: 'string', default: 'chosen from http.host', docs: DOCS.httpNetwork, description: 'Address HTTP clients are told to use to reach this node.' }),
    es({ key: 'http.port', type: 'string', default: '9200-9300', docs: DOCS.httpNetwork, description: 'Port or port range of the HTTP layer.' }),
    es({ key: 'transport.host', type: 'list', default: 'the value of network.host', docs: DOCS.transportNetwork, description: 'Address(es) the transport layer binds to and publishes.' }),
    es({ key: 'transport.port', type: 'string', default: '9300-9400', docs: DOCS.transportNetwork, description: 'Port or port range of the transport layer.' }),
    es({ key: 'transport.publish_host', type: 'string', default: 'chosen from transport.host', docs: DOCS.transportNetwork, description: 'Address other nodes are told to use for transport connections to this node.' }),
    ...remoteClusterPort(),
    es({ key: 'discovery.seed_hosts', type: 'list', docs: `${DOCS.discovery}#unicast.hosts`, description: 'Addresses of master-eligible nodes contacted to discover the cluster; transport certificates must match them under full verification.' }),
    es({ key: 'discovery.type', type: 'enum', values: ['multi-node', 'single-node'], default: 'multi-node', docs: DOCS.discovery, description: 'Set to single-node to form a one-node cluster without discovery.' }),
    es({ key: 'cluster.initial_master_nodes', type: 'list', docs: `${DOCS.important}#initial_master_nodes`, description: 'Node names or addresses of the master-eligible nodes that bootstrap a brand-new cluster.' }),
    es({ key: 'path.data', type: 'list', docs: `${DOCS.important}#path-settings`, description: 'Directory where the node stores its data.' }),
    es({ key: 'path.logs', type: 'string', docs: `${DOCS.important}#path-settings`, description: 'Directory where the node writes its logs.' }),
    es({ key: 'bootstrap.password', type: 'string', secure: true, sensitive: true, docs: DOCS.secureSettings, description: 'First password of the elastic user, read from the keystore until a password is set.' }),
  ];
}

/** The remote cluster server port (API key model), whose TLS lives under xpack.security.remote_cluster_server.ssl. */
function remoteClusterPort(): SettingDef[] {
  const docs = DOCS.remoteClusterNetwork;
  return [
    es({ key: 'remote_cluster_server.enabled', type: 'boolean', default: 'false', docs, description: 'Opens the remote cluster server port for API-key-based remote clusters; needs security enabled.' }),
    es({ key: 'remote_cluster.host', type: 'list', default: 'the value of network.host', docs, description: 'Address(es) the remote cluster server port binds to and publishes.' }),
    es({ key: 'remote_cluster.bind_host', type: 'list', default: 'the value of remote_cluster.host', docs, description: 'Address(es) the remote cluster server port listens on.' }),
    es({ key: 'remote_cluster.publish_host', type: 'string', default: 'chosen from remote_cluster.host', docs, description: 'Address remote clusters are told to use to reach this port.' }),
    es({ key: 'remote_cluster.port', type: 'string', default: '9443', docs, description: 'Port of the remote cluster server.' }),
    es({ key: 'cluster.remote.<alias>.credentials', type: 'string', secure: true, sensitive: true, docs: DOCS.remoteClusterCredentials, description: 'Encoded cross-cluster API key for this remote cluster, kept in the keystore; its presence selects the API key model.' }),
    es({ key: 'remote_cluster.publish_port', type: 'integer', default: 'the bound port', docs, description: 'Port remote clusters are told to use, when it differs behind a proxy.' }),
  ];
}

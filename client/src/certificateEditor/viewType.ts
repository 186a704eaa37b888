/** The viewer's view type where it is the default editor (`*.p12`, `*.pfx`, `*.der`, `*.cer`, `*.jks`, `*.jceks`, `*.p7b`, `*.p7c`, `*.crl`, `elasticsearch.keystore`). */
export const VIEW_TYPE = 'elasticTls.certificateViewer';
/** The same viewer, offered under "Open With…" for text formats (`*.crt`, `*.pem`, `*.key`, `*.csr`). */
export const OPTIONAL_VIEW_TYPE = 'elasticTls.certificateViewerOptional';

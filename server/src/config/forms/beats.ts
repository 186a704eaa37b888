// Beats (filebeat.yml, metricbeat.yml, heartbeat.yml, auditbeat.yml, packetbeat.yml, winlogbeat.yml) and
// standalone Elastic Agent (elastic-agent.yml) configuration files.

const BEAT_FILE = /(?:^|[\\/])(?:filebeat|metricbeat|heartbeat|auditbeat|packetbeat|winlogbeat|functionbeat|elastic-agent)[^\\/]*\.ya?ml$/i;
/** Keys only a Beat's configuration has at its top level. */
const BEAT_CONTENT = /^(?:output\.(?:elasticsearch|logstash|kafka|redis)\b|(?:filebeat|metricbeat|heartbeat|auditbeat|packetbeat|winlogbeat)\.(?:inputs|modules|monitors|config|event_logs|interfaces)\b)/m;
/** A standalone Agent policy: `outputs:` whose entries have a `type`, beside `inputs:` or `agent:`. */
const AGENT_CONTENT = /^outputs:\s*$/m;
const AGENT_TYPE = /^\s+type:\s*["']?(?:elasticsearch|logstash|kafka)\b/m;

/** True when a file is a Beat's or a standalone Agent's configuration, by name or content. */
export function isBeatsFile(text: string, fileName?: string): boolean {
  if (fileName && BEAT_FILE.test(fileName)) return true;
  return BEAT_CONTENT.test(text) || (AGENT_CONTENT.test(text) && AGENT_TYPE.test(text) && /^(?:inputs|agent):/m.test(text));
}

// Beats (filebeat.yml, metricbeat.yml, heartbeat.yml, auditbeat.yml, packetbeat.yml, winlogbeat.yml) and
// standalone Elastic Agent (elastic-agent.yml) configuration files.
import { cannotBeSettings } from '../settingsText';

const BEAT_FILE = /(?:^|[\\/])(?:filebeat|metricbeat|heartbeat|auditbeat|packetbeat|winlogbeat|functionbeat|elastic-agent)[^\\/]*\.ya?ml$/i;
/** Keys only a Beat's configuration has at its top level. */
const BEAT_CONTENT = /^(?:output\.(?:elasticsearch|logstash|kafka|redis)\b|(?:filebeat|metricbeat|heartbeat|auditbeat|packetbeat|winlogbeat)\.(?:inputs|modules|monitors|config|event_logs|interfaces)\b)/m;
/** A standalone Agent policy: `outputs:` whose entries have a `type`, beside `inputs:` or `agent:`. */
const AGENT_CONTENT = /^outputs:\s*$/m;
const AGENT_TYPE = /^\s+type:\s*["']?(?:elasticsearch|logstash|kafka)\b/m;
const AGENT_SECTION = /^(?:inputs|agent):/m;

/** Every pattern `beatsContentWhere` asks about (shaped as sniff.ts's SNIFF_PATTERNS say). */
export const BEATS_PATTERNS: readonly RegExp[] = [BEAT_CONTENT, AGENT_CONTENT, AGENT_TYPE, AGENT_SECTION];

/** True when a file name is a Beat's or a standalone Agent's configuration file. */
export function isBeatsName(fileName?: string): boolean {
  return fileName !== undefined && BEAT_FILE.test(fileName);
}

/** True when the content is a Beat's or a standalone Agent's, given which patterns match it (BEATS_PATTERNS). */
export function beatsContentWhere(has: (pattern: RegExp) => boolean): boolean {
  return has(BEAT_CONTENT) || (has(AGENT_CONTENT) && has(AGENT_TYPE) && has(AGENT_SECTION));
}

/**
 * True when a file's name makes it a Beat's or an Agent's configuration and its text can be one: an Ansible vault
 * or task list named `filebeat_credentials.yml` is neither.
 */
export function isBeatsNamedText(text: string, fileName?: string): boolean {
  return isBeatsName(fileName) && !cannotBeSettings(text);
}

/** True when a file is a Beat's or a standalone Agent's configuration, by name or content. */
export function isBeatsFile(text: string, fileName?: string): boolean {
  return isBeatsNamedText(text, fileName) || beatsContentWhere((pattern) => pattern.test(text));
}

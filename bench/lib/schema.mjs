// A JSON schema of the same Elasticsearch keys the catalog knows, for the yaml-language-server baseline:
// every key flat at the top level (placeholders as patternProperties) and the same keys as nested objects.
import { catalogFor } from '../../server/src/catalog/index.ts';

const LIST = (item) => ({ anyOf: [{ type: 'string' }, { type: 'array', items: item }] });

/** The schema of one setting's value. */
function valueSchema(def) {
  const base = { description: def.description };
  if (def.secure) return { ...base, not: {}, errorMessage: 'secure setting: keystore only' };
  switch (def.type) {
    case 'boolean': return { ...base, anyOf: [{ type: 'boolean' }, { enum: ['true', 'false'] }] };
    case 'integer': return { ...base, type: 'integer', ...(def.min !== undefined ? { minimum: def.min } : {}), ...(def.max !== undefined ? { maximum: def.max } : {}) };
    case 'number': return { ...base, type: 'number' };
    case 'enum': return { ...base, enum: def.caseInsensitive ? [...new Set([...def.values, ...def.values.map((v) => v.toLowerCase()), ...def.values.map((v) => v.toUpperCase())])] : [...new Set(def.values)] };
    case 'enumList': return { ...base, ...LIST({ enum: [...new Set(def.values)] }) };
    case 'time': return { ...base, anyOf: [{ type: 'string', pattern: '^-?\\d+(nanos|micros|ms|s|m|h|d)$' }, { type: 'integer' }] };
    case 'size': return { ...base, anyOf: [{ type: 'string', pattern: '^\\d+(\\.\\d+)?(b|kb|mb|gb|tb|pb|%)?$' }, { type: 'integer' }] };
    case 'list': case 'pathList': case 'urlList': return { ...base, ...LIST({ type: 'string' }) };
    default: return { ...base, type: ['string', 'number', 'boolean'], ...(def.minLength ? { minLength: def.minLength } : {}) };
  }
}

const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const patternOf = (key) => `^${key.split('.').map((s) => (s.startsWith('<') ? '[^.]+' : escapeRegex(s))).join('\\.')}$`;

function objectNode() {
  return { type: 'object', properties: {}, additionalProperties: false };
}

/** Puts a setting into the nested tree; a `<name>` segment becomes additionalProperties. */
function addNested(root, def) {
  const segs = def.key.split('.');
  let node = root;
  for (const [i, seg] of segs.entries()) {
    const last = i === segs.length - 1;
    if (seg.startsWith('<')) {
      if (!node.additionalProperties || node.additionalProperties === false) node.additionalProperties = objectNode();
      if (last) return;
      node = node.additionalProperties;
    } else if (last) {
      // A key that is also a prefix of others keeps its object form; its value form is accepted too.
      const existing = node.properties[seg];
      node.properties[seg] = existing ? { anyOf: [existing, valueSchema(def)] } : valueSchema(def);
    } else {
      let next = node.properties[seg];
      if (next?.anyOf) next = next.anyOf[0];
      if (!next || next.type !== 'object') {
        const obj = objectNode();
        node.properties[seg] = next ? { anyOf: [obj, next] } : obj;
        next = obj;
      }
      node = next;
    }
  }
}

/** The whole schema for elasticsearch.yml. */
export function elasticsearchSchema() {
  const schema = { $schema: 'http://json-schema.org/draft-07/schema#', title: 'elasticsearch.yml', ...objectNode(), patternProperties: {} };
  const nested = objectNode();
  for (const def of catalogFor('elasticsearch').defs) {
    if (def.key.includes('<')) schema.patternProperties[patternOf(def.key)] = valueSchema(def);
    else schema.properties[def.key] = valueSchema(def);
    addNested(nested, def);
  }
  // Top-level names of the nested form (xpack, transport, ...) are objects unless a flat key has the same name.
  for (const [name, node] of Object.entries(nested.properties)) {
    schema.properties[name] = schema.properties[name] ? { anyOf: [schema.properties[name], node] } : node;
  }
  return schema;
}

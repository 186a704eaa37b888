export * from './types';
export { parseConfig } from './parse';
export { detectProduct, globToRegExp } from './product';
export { settingAt, type SettingPosition } from './position';
export { keyPathAt, type KeyPathContext } from './keyPath';
export { isTemplated } from './templating';
export { MAX_FILE_CHARS, MAX_DEPTH, MAX_ALIAS_COUNT } from './limits';

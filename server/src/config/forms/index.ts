export * from './types';
export { recognizeForms, MAX_EMBEDDED_DOCUMENTS } from './recognize';
export { embeddedModel } from './embeddedModel';
export { sniffForms } from './sniff';

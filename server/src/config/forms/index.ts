export * from './types';
export { recognizeForms } from './recognize';
export { embeddedModel } from './embeddedModel';
export { sniffForms } from './sniff';
export { FormSniff } from './formSniff';

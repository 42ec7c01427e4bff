/**
 * The AWS JSON 1.1 wire protocol of the simulated KMS. `handleJson11` is the whole protocol;
 * `createJson11Endpoint` binds it to an engine made by createKms() with KMS Lab's defaults.
 */
export { handleJson11 } from './handle-json11';
export type {
  Json11CallContext,
  Json11Engine,
  Json11Options,
  Json11Request,
  Json11Response,
  OperationShapes,
} from './handle-json11';
export { encodeBase64, decodeBase64 } from './base64';
export { createJson11Endpoint, json11EngineOf, callerForAccessKey, DEFAULT_REGION } from './engine-adapter';
export type { Json11Endpoint, Json11EndpointOptions } from './engine-adapter';

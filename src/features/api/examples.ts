// Examples in the OpenAPI document: every operation shows a request (where it takes a body) and the
// answer the API gave to it, captured from the default data by scripts/api-examples.ts; every error
// answer shows a problem+json body with its own status. Added when the document is built.
import { OPERATION_EXAMPLES } from './examples.generated.ts';
import { ERROR_DESCRIPTIONS } from './schemas.ts';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface OperationExample {
  request?: Json;
  status: number;
  response: Json;
}

type MediaType = { schema?: unknown; example?: unknown };
type Operation = {
  operationId?: string;
  requestBody?: { content?: Record<string, MediaType> };
  responses?: Record<string, { description?: string; content?: Record<string, MediaType> }>;
};

/** Adds the captured examples and a problem example per error status to every operation. */
export function addExamples(paths: Record<string, Record<string, Operation>>, prefix: string): void {
  for (const [path, operations] of Object.entries(paths)) {
    for (const operation of Object.values(operations)) {
      const example = operation.operationId ? OPERATION_EXAMPLES[operation.operationId] : undefined;
      if (example?.request !== undefined) {
        for (const media of Object.values(operation.requestBody?.content ?? {})) media.example = example.request;
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (example && Number(status) === example.status) media.example = example.response;
          else if (type === 'application/problem+json') media.example = problemExample(Number(status), `${prefix}${path}`);
        }
      }
    }
  }
}

function problemExample(status: number, path: string) {
  const title = (ERROR_DESCRIPTIONS[status] ?? 'Error').split(/[.:]/)[0]!;
  return { type: 'about:blank', title, status, detail: ERROR_DESCRIPTIONS[status] ?? title, instance: path.replace(/\{(\w+)\}/g, ':$1') };
}

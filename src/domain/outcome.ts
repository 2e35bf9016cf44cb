// What a command answers: done with a value, or refused with problems per field (message keys the
// page shows next to the field, the API lists as invalidParams). Every command reports a refusal
// this one way, so pages and the API read it the same.

export interface FieldError {
  /** Message key, e.g. 'form.error.tooLong'. */
  key: string;
  /** Values the message names, e.g. { max: 200 }. */
  values?: Record<string, string | number>;
}

export type FieldErrors = Record<string, FieldError>;

export type Done<T> = { ok: true; value: T };
export type Refused = { ok: false; errors: FieldErrors };
export type Outcome<T> = Done<T> | Refused;

export const done = <T>(value: T): Done<T> => ({ ok: true, value });

export function refused(errors: FieldErrors): Refused {
  return { ok: false, errors };
}

/** The name under which a problem of the whole form is reported (not one field's: "already decided"). */
export const FORM_ERROR = '_form';

/** One field's problem: `refusedField('endTime', 'meetings.error.endBeforeStart')`; `FORM_ERROR` for the whole form. */
export function refusedField(field: string, key: string, values?: FieldError['values']): Refused {
  return refused({ [field]: values ? { key, values } : { key } });
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

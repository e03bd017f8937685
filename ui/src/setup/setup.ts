// The checks of the first-run form before it is sent: the organisation's name (or, on a new computer of an
// organisation the hub holds, the snapshot file and its code), the administrator's login and the password typed
// twice. The API validates again; these only save a round trip and say it sooner.
import { loginProblem, passwordProblem, requiredProblem, type Problem } from '../form/rules';

export interface SetupForm {
  /** A new organisation, or a new computer started from the district's snapshot file. */
  from?: 'new' | 'snapshot';
  name: string;
  code?: string;
  hasFile?: boolean;
  adminLogin: string;
  password: string;
  repeated: string;
}

export type SetupProblems = Record<'name' | 'file' | 'code' | 'adminLogin' | 'password' | 'repeated', Problem | null>;

export function setupProblems(form: SetupForm): SetupProblems {
  const password = passwordProblem(form.password);
  const snapshot = form.from === 'snapshot';
  return {
    name: !snapshot && requiredProblem(form.name) ? { id: 'error-org-name-required' } : null,
    file: snapshot && !form.hasFile ? { id: 'setup-snapshot-missing' } : null,
    code: snapshot && requiredProblem(form.code ?? '') ? { id: 'setup-code-missing' } : null,
    adminLogin: loginProblem(form.adminLogin.trim()),
    password,
    repeated: form.password === form.repeated ? null : { id: 'form-passwords-differ' },
  };
}

export function hasProblems(problems: Record<string, Problem | null>): boolean {
  return Object.values(problems).some((problem) => problem !== null);
}

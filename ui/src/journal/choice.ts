// Which register the journal shows — a class, one of its subjects, a term — and how that choice survives a
// reload in the hash (`#/journal?class=…&subject=…&term=…`). A choice the hash names but the teacher no
// longer has (another year, another assignment) falls back to the first class and the current term.
import type { ClassSubjects, JournalClasses } from '../api';

export interface JournalChoice {
  classId: string;
  subject: string;
  termId: string;
}

/** The term to open: the one named, else the current one, else the first. */
function termOf(classes: JournalClasses, wanted: string | null): string | null {
  const ids = classes.terms.map((term) => term.id);
  if (wanted && ids.includes(wanted)) return wanted;
  if (classes.current_term_id && ids.includes(classes.current_term_id)) return classes.current_term_id;
  return ids[0] ?? null;
}

/** The subject of a class to open: the one named when the class has it, else its first. */
function subjectOf(klass: ClassSubjects, wanted: string | null): string | null {
  return klass.subjects.find((s) => s.subject === wanted)?.subject ?? klass.subjects[0]?.subject ?? null;
}

/** The register to open from the hash's query; null when there is nothing to open. */
export function initialChoice(classes: JournalClasses, query: URLSearchParams): JournalChoice | null {
  const wanted = classes.classes.find((c) => c.class_id === query.get('class'));
  const klass = wanted ?? classes.classes.find((c) => c.subjects.length > 0);
  if (!klass) return null;
  const subject = subjectOf(klass, query.get('subject'));
  const termId = termOf(classes, query.get('term'));
  return subject && termId ? { classId: klass.class_id, subject, termId } : null;
}

/** Another class: the same subject when it has one, else its first. */
export function withClass(classes: JournalClasses, choice: JournalChoice, classId: string): JournalChoice | null {
  const klass = classes.classes.find((c) => c.class_id === classId);
  const subject = klass && subjectOf(klass, choice.subject);
  return subject ? { ...choice, classId, subject } : null;
}

/** The hash query of a choice. */
export function choiceQuery(choice: JournalChoice): Record<string, string> {
  return { class: choice.classId, subject: choice.subject, term: choice.termId };
}

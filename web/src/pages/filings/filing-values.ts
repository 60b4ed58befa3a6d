// The filing form's values and what they become: the FilingInput the server takes, and 项目学时 — computed from
// the schedule with the rule of @ptce/rules (the plan's hours per half day), never typed.
import dayjs, { type Dayjs } from 'dayjs';
import type {
  AnnualPlan,
  FilingEnrolment,
  FilingForm,
  FilingInput,
  FilingSession,
  FilingTeacher,
  HalfDay,
} from '@ptce/contracts';
import { scheduleHours, spanSlots } from '@ptce/rules';

export const DATE = 'YYYY-MM-DD';

export interface SessionValues {
  date?: Dayjs | null;
  half?: HalfDay;
  topic?: string;
  teacher?: string;
}

export interface FilingValues {
  name?: string;
  industryCode?: string;
  field?: string;
  form?: FilingForm;
  startDate?: Dayjs | null;
  startHalf?: HalfDay;
  endDate?: Dayjs | null;
  endHalf?: HalfDay;
  place?: string;
  plannedTrainees?: number | null;
  organiser?: string;
  coOrganiser?: string;
  feePerPerson?: number | null;
  feeNote?: string;
  enrolment?: FilingEnrolment;
  needsApproval?: boolean;
  teachers?: Partial<FilingTeacher>[];
  sessions?: SessionValues[];
  /** 变更原因 (a change only). */
  reason?: string;
}

export const EMPTY_FILING: FilingValues = {
  form: 'onsite',
  startHalf: 'am',
  endHalf: 'pm',
  enrolment: 'public',
  needsApproval: true,
  feePerPerson: 0,
  teachers: [{}],
  sessions: [],
};

/** The sessions that name a date and a half day (the rows being typed are left out). */
function datedSessions(sessions: SessionValues[] | undefined): { date: string; half: HalfDay }[] {
  return (sessions ?? [])
    .filter((s): s is SessionValues & { date: Dayjs; half: HalfDay } => !!s?.date && !!s.half)
    .map((s) => ({ date: s.date.format(DATE), half: s.half }));
}

export interface ComputedHours {
  /** 项目学时, or null while it cannot be known (no schedule, or no plan for the year). */
  hours: number | null;
  halfDays: number;
  hoursPerHalfDay: number | null;
}

/** 项目学时 of the form as it stands: the schedule's distinct half days × the year's plan's hours per half day. */
export function computedHours(values: FilingValues, plans: readonly AnnualPlan[] | undefined): ComputedHours {
  const slots = datedSessions(values.sessions);
  const halfDays = new Set(slots.map((s) => `${s.date}/${s.half}`)).size;
  const year = values.startDate?.year() ?? (slots[0] ? Number(slots[0].date.slice(0, 4)) : undefined);
  const plan = year === undefined ? undefined : plans?.find((p) => p.year === year);
  if (!plan) return { hours: null, halfDays, hoursPerHalfDay: null };
  return { hours: scheduleHours(slots, plan.hoursPerHalfDay), halfDays, hoursPerHalfDay: plan.hoursPerHalfDay };
}

/** One session per half day of the span (keeping what was typed for a half day already there). */
export function sessionsForSpan(values: FilingValues): SessionValues[] | null {
  if (!values.startDate || !values.endDate || !values.startHalf || !values.endHalf) return null;
  const slots = spanSlots({
    startDate: values.startDate.format(DATE),
    startHalf: values.startHalf,
    endDate: values.endDate.format(DATE),
    endHalf: values.endHalf,
  });
  if (!slots.length) return null;
  const typed = new Map(
    (values.sessions ?? []).filter((s) => s?.date && s.half).map((s) => [`${s.date!.format(DATE)}/${s.half}`, s]),
  );
  return slots.map((s) => {
    const old = typed.get(`${s.date}/${s.half}`);
    return { date: dayjs(s.date), half: s.half, topic: old?.topic ?? '', teacher: old?.teacher ?? '' };
  });
}

/** A public or paid class is always reviewed (the server refuses otherwise). */
export function mustBeReviewed(values: Pick<FilingValues, 'enrolment' | 'feePerPerson'>): boolean {
  return values.enrolment === 'public' || (values.feePerPerson ?? 0) > 0;
}

const text = (s: string | undefined) => (s ?? '').trim();

/** The body of 保存 / 提交变更 (the form has checked every required field). */
export function toFilingInput(v: FilingValues): FilingInput {
  return {
    name: text(v.name),
    industryCode: v.industryCode ?? '',
    field: text(v.field),
    form: v.form ?? 'onsite',
    startDate: v.startDate?.format(DATE) ?? '',
    startHalf: v.startHalf ?? 'am',
    endDate: v.endDate?.format(DATE) ?? '',
    endHalf: v.endHalf ?? 'pm',
    place: text(v.place),
    plannedTrainees: v.plannedTrainees ?? 0,
    organiser: text(v.organiser),
    coOrganiser: text(v.coOrganiser),
    feePerPerson: v.feePerPerson ?? 0,
    feeNote: text(v.feeNote),
    enrolment: v.enrolment ?? 'public',
    needsApproval: mustBeReviewed(v) || (v.needsApproval ?? true),
    teachers: (v.teachers ?? []).map((t) => ({
      name: text(t.name),
      title: text(t.title),
      employer: text(t.employer),
    })),
    sessions: (v.sessions ?? []).map((s): FilingSession => ({
      date: s.date?.format(DATE) ?? '',
      half: s.half ?? 'am',
      topic: text(s.topic),
      teacher: text(s.teacher),
    })),
  };
}

/** A saved filing (or a change's proposal) back into the form. */
export function toFilingValues(f: FilingInput): FilingValues {
  return {
    ...f,
    startDate: dayjs(f.startDate),
    endDate: dayjs(f.endDate),
    teachers: f.teachers.map((t) => ({ ...t })),
    sessions: f.sessions.map((s) => ({ ...s, date: dayjs(s.date) })),
  };
}

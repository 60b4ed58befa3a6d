// The record form's values, and how they come from a RecordDetail and go out as a RecordInput.
import type { KeyboardEvent } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import {
  ACTIVITY_TYPE_LABEL,
  HALF_DAY_LABEL,
  type ActivityType,
  type HalfDay,
  type RecordDetail,
  type RecordInput,
} from '@ptce/contracts';
import type { Span } from '@ptce/rules';

/** self: 我的学时 (the professional); unit: 专业科目学时登记 (for a staff member). */
export type RecordSide = 'self' | 'unit';

export interface RecordValues {
  accountId?: number;
  activityType: ActivityType;
  title: string;
  organizer: string;
  place: string;
  startDate: Dayjs | null;
  startHalf: HalfDay;
  endDate: Dayjs | null;
  endHalf: HalfDay;
  hours?: number | null;
  remarks?: string;
  declared?: boolean;
}

export const RECORD_FIELDS = [
  'accountId',
  'activityType',
  'title',
  'organizer',
  'place',
  'startDate',
  'startHalf',
  'endDate',
  'endHalf',
  'hours',
  'remarks',
  'declared',
] as const;
export const TYPE_OPTIONS = (Object.keys(ACTIVITY_TYPE_LABEL) as ActivityType[]).map((t) => ({
  value: t,
  label: ACTIVITY_TYPE_LABEL[t],
}));
export const HALF_OPTIONS = (Object.keys(HALF_DAY_LABEL) as HalfDay[]).map((h) => ({
  value: h,
  label: HALF_DAY_LABEL[h],
}));
export const DATE = 'YYYY-MM-DD';

/** The span of the form's four fields, when all are filled. */
export function spanOf(
  start: Dayjs | null | undefined,
  startHalf: HalfDay | undefined,
  end: Dayjs | null | undefined,
  endHalf: HalfDay | undefined,
): Span | null {
  return start && end && startHalf && endHalf
    ? { startDate: start.format(DATE), startHalf, endDate: end.format(DATE), endHalf }
    : null;
}

/**
 * Enter in a date input confirms the typed date (the picker handles it) and must not also submit
 * the whole form, which would jump the focus to the first empty field.
 */
export function keepEnterInPicker(e: KeyboardEvent<HTMLElement>) {
  if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
}

export function initialValues(record: RecordDetail | undefined): Partial<RecordValues> {
  if (!record) return { activityType: 'training', startHalf: 'am', endHalf: 'pm', remarks: '', declared: false };
  return {
    activityType: record.activityType,
    title: record.title,
    organizer: record.organizer,
    place: record.place,
    startDate: dayjs(record.startDate, DATE),
    startHalf: record.startHalf,
    endDate: dayjs(record.endDate, DATE),
    endHalf: record.endHalf,
    hours: record.hours,
    remarks: record.remarks,
    // A changed record is a new commitment: the box is ticked again on every save.
    declared: false,
  };
}

/** The body of 保存 (the person, for the unit side, is added by the caller). */
export function toRecordInput(v: RecordValues): RecordInput {
  return {
    activityType: v.activityType,
    title: v.title.trim(),
    organizer: v.organizer.trim(),
    place: v.place.trim(),
    startDate: v.startDate!.format(DATE),
    startHalf: v.startHalf,
    endDate: v.endDate!.format(DATE),
    endHalf: v.endHalf,
    // Training classes always count by the dates (the server computes them).
    hours: v.activityType === 'training' || v.hours == null ? undefined : v.hours,
    remarks: (v.remarks ?? '').trim(),
    declared: true,
  };
}

/**
 * What a list of 单位管理 gives the actions of one row: the row, whether the layout is a desktop's, and the
 * dialogs the actions open on the row (`onEdit`, …).
 */
export type RowActionsProps<T, Opens extends string> = { r: T; desktop: boolean } & Record<Opens, (r: T) => void>;

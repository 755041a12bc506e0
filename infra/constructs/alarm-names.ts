/**
 * Every copydesk alarm is named `copydesk-<what>`: fixed names, so the README's runbook and the
 * dashboard's alarm list can name each one, and an alarm in a notification is recognisable at a glance.
 */
export const ALARM_NAME_PREFIX = 'copydesk-';

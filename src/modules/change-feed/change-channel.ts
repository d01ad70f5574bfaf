/** The PostgreSQL NOTIFY channel on which every process hears that the change feed grew (no payload: the feed says what). */
export const CHANGE_CHANNEL = 'registry_change';

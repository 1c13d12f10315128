/** sql/0018: one failed-attempt counter per limit and key, for the window ending at reset_at. */
export interface RateLimitCounterTable {
  key_hash: string;
  hits: number;
  reset_at: Date;
}

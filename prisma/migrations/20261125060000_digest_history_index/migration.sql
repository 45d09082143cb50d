-- The daily clean-up of old digest history (lib/digest/prune-digest-history.ts) finds finished
-- deliveries by age, oldest first.
CREATE INDEX "digest_delivery_finished_claimed_at_idx" ON "digest_delivery" ("claimed_at")
    WHERE "status" IN ('sent', 'skipped', 'failed');

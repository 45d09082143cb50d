-- The lease index holds the deliveries still claimed or sending, for runs to find expired leases.
-- Its predicate was the status, so every statement that names a status of those two could scan it
-- whole, and the planner did so when its statistics predated the run (a day's claims arrive in
-- minutes, long before autovacuum analyzes them): marking ten deliveries `sending` walked the
-- index entries of every delivery the run had finished, which stay until vacuum removes them,
-- and took 10 to 70 ms a statement instead of 0.3. The same rows are those with a lease (a CHECK
-- says so), and a predicate on the lease itself is implied only by a test of the lease: the
-- expiry scans still use the index, and statements that find their rows by id use the primary key.
DROP INDEX "digest_delivery_lease_expires_at_idx";
CREATE INDEX "digest_delivery_lease_expires_at_idx" ON "digest_delivery" ("lease_expires_at")
    WHERE "lease_expires_at" IS NOT NULL;

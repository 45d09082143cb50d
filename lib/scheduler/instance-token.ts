import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/** Names this process in the rows it claims, so an operator can tell which instance ran what. */
export const INSTANCE_NAME = `${hostname()}:${process.pid}`;

/** A fresh token per claim: two claims of one process must not mistake each other's lease. */
export const claimToken = () => `${INSTANCE_NAME}:${randomBytes(16).toString("hex")}`;

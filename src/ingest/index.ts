// The ingest stage: registered sources, reading and validating deliveries, pseudonymisation, atomic
// batches, quarantine, delivery monitoring. Other stages import only from here.

export type { BatchRow, QuarantineEntry, QuarantineListing } from "./batches.ts";
/** Stored batches, optionally of one source; and the quarantine of one batch. */
export { listBatches, listQuarantine } from "./batches.ts";
export type { DeliveriesReport, DeliveryStatus, SourceDeliveries } from "./deliveries.ts";
/** Which sources have delivered which record types for a month. */
export { deliveries } from "./deliveries.ts";
export type { IngestEffects } from "./effects.ts";
/** The real clock and the data folder's pseudonymisation key. */
export { deliveryDate, systemEffects } from "./effects.ts";
export type { IngestRequest } from "./ingest-file.ts";
/** Validates, pseudonymises and stores one delivery as one batch, or refuses it whole. */
export { ingestFile } from "./ingest-file.ts";
/** The pseudonymisation key of a data folder (created on first use). */
export { KEY_FILE, loadKey } from "./key.ts";
export type { ManifestSummary } from "./manifest.ts";
/** Registers the sources of a manifest and ingests all its files. */
export { ingestManifest, readManifest } from "./manifest.ts";
export type { Receipt } from "./receipt.ts";
export { formatReceipt, topReasons } from "./receipt.ts";
export type { Source, SourceDefinition, SourceKind } from "./sources.ts";
/** Registering and listing sources. */
export { addSource, getSource, listSources, SOURCE_KINDS } from "./sources.ts";

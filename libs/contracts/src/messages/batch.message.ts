import { batchManifestSchema } from '../input/batch-manifest.schema';
import { reportIdSchema } from '../shared/ids.schema';
import { defineTopic } from '../topics/topic-descriptor';

/** Batches to analyse (value: the batch manifest, see `batchManifestSchema`), published from outside (the CLI's `sift publish` or a user's producer). */
export const batchesTopic = defineTopic({
  topic: 'sift.batches.v1',
  key: reportIdSchema,
  value: batchManifestSchema,
  keyedBy: 'reportId',
  keyOf: (manifest) => manifest.reportId,
});

import { z } from 'zod';
import { isBucketEdge, THRESHOLD_RULE } from './duration-histogram';

/** A threshold in seconds that the duration histograms count exactly (see `DurationHistogram`). @internal */
export const ThresholdSeconds = z.number().refine(isBucketEdge, THRESHOLD_RULE);

/** The first lesson as the e2e tests meet it: its title, and what a learner types in its hands-on steps. */
import type { LearnerInputs } from './lesson';

export const FIRST_LESSON = {
  id: 'encryption-in-flight',
  title: 'Encryption in flight',
  inputs: {
    'Your message': 'My PIN is 4921',
    'Byte to change': '20',
  } satisfies LearnerInputs,
};

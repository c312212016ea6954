import { createMemoryStore } from '@frontline/core';
import { createAgentService } from '@frontline/core/service-desk';
import { runAgentSuite } from '../testing/agents-suite';
import { describeServiceUnderGarbage } from '../testing/suite-harness';

runAgentSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });
describeServiceUnderGarbage('agent service', createAgentService);

import { createAgentService, createMemoryStore } from '@frontline/core';
import { runAgentSuite } from '../testing/agents-suite';
import { describeServiceUnderGarbage } from '../testing/suite-harness';

runAgentSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });
describeServiceUnderGarbage('agent service', createAgentService);

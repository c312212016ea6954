import { createMemoryStore } from '@frontline/core';
import { createAgentService } from '@frontline/core/service-desk';
import { describeServiceUnderGarbage, runAgentSuite } from '@frontline/testing';

runAgentSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });
describeServiceUnderGarbage('agent service', createAgentService);

import { createMemoryStore } from '@frontline/core';
import { runKnowledgeSuite } from '../testing/knowledge-suite';

runKnowledgeSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

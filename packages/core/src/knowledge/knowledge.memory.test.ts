import { createMemoryStore } from '@frontline/core';
import { runKnowledgeSuite } from '@frontline/testing';

runKnowledgeSuite({ name: 'memory', createStore: ({ clock }) => createMemoryStore({ clock }) });

import { TestApi } from '../../harness/api';
import { DecisionRecorder, type RecorderOptions } from '../../src/decisions/recorder';
import type { ServiceAppOptions } from '../../src/service/service-app';
import { testStore, type STORE_KINDS, type TestStore } from './stores';

/** The app in-process, recording its decisions in a test store of its own. */
export interface LoggingApi {
  api: TestApi;
  store: TestStore;
  recorder: DecisionRecorder;
  /** Stops the app, writes what the recorder still holds, and removes the store. */
  close(): Promise<void>;
}

export async function startLoggingApi(kind: (typeof STORE_KINDS)[number] = 'sqlite', options: { recorder?: Omit<RecorderOptions, 'log'>; app?: Partial<ServiceAppOptions> } = {}): Promise<LoggingApi> {
  const store = await testStore(kind);
  const recorder = new DecisionRecorder({ ...options.recorder, log: store.store.decisions });
  const api = await TestApi.start({ ...options.app, decisions: recorder });
  return {
    api,
    store,
    recorder,
    async close() {
      await api.close();
      await recorder.flush();
      await store.dispose();
    },
  };
}

import { TestApi } from '../harness/api';
import { fuzz } from '../harness/fuzz';

// A short run of the fuzzer (npm run fuzz sends 10,000): generated requests, valid and malformed.
jest.setTimeout(60_000);

it('answers generated requests without a 5xx, always as the contract says, and unchanged afterwards', async () => {
  const api = await TestApi.start({ bodyLimit: 102400 });
  try {
    const report = await fuzz(api.baseUrl, 300, 20261121);
    expect(report.serverErrors).toEqual([]);
    expect(report.nonConformant).toEqual([]);
    expect(report.probeUnchanged).toBe(true);
    expect(report.requests).toBe(300);
    // The run reached both the happy paths and the error paths.
    expect(report.byStatus['200']).toBeGreaterThan(0);
    expect(report.byStatus['400']).toBeGreaterThan(0);
  } finally {
    await api.close();
  }
});

// `npm run fixtures:serve`: the recorded arXiv and Hugging Face answers on 127.0.0.1, so the ingest
// commands and the submit page can be tried without the internet.
import { RECORDED_ARXIV_PATH, RECORDED_HF_PATH, recordedApis } from "./recorded-apis";
import { startFixtureServer } from "./fixture-server";

const server = await startFixtureServer(recordedApis(), Number(process.env.FIXTURES_PORT ?? 4010));
console.log(`Recorded arXiv and Hugging Face APIs on ${server.url}. Point PaperPulse at them with:

  export ARXIV_API_URL=${server.url}${RECORDED_ARXIV_PATH} ARXIV_REQUEST_INTERVAL_MS=0 HF_API_URL=${server.url}${RECORDED_HF_PATH}

Press Ctrl+C to stop.`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void server.close().then(() => process.exit(0)));
}

// npm start: serves the built site (dist/) on http://127.0.0.1:3000, as any static web server would.
import {existsSync} from "node:fs";
import {serveDist} from "./static-server.js";

const port = Number(process.env.PORT ?? 3000);
// FINSAM_DIST serves another build, as the end-to-end tests do.
const dist = process.env.FINSAM_DIST ?? new URL("../dist", import.meta.url).pathname;
if (!existsSync(`${dist}/index.html`)) {
  console.error(`Finsam Analys: ${dist} saknar en byggd webbplats; kör npm run build först.`);
  process.exit(2);
}
try {
  const site = await serveDist(dist, port);
  // The handler answers every request it can; this only keeps an unforeseen failure from ending the server.
  process.on("uncaughtException", (error) =>
    console.error(`Fel vid en förfrågan (servern fortsätter): ${error.message}`)
  );
  console.log(`Finsam Analys: ${site.url}/ (avsluta med Ctrl+C)`);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === "EADDRINUSE"
      ? `Finsam Analys: port ${port} används redan; ange en annan med PORT=3001 npm start.`
      : `Finsam Analys: servern kunde inte starta: ${(error as Error).message}`
  );
  process.exit(1);
}

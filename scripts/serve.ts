// npm start: serves the built site (dist/) on http://127.0.0.1:3000, as any static web server would.
import {serveDist} from "./static-server.js";

const port = Number(process.env.PORT ?? 3000);
const site = await serveDist(new URL("../dist", import.meta.url).pathname, port);
console.log(`Finsam Analys: ${site.url}/ (avsluta med Ctrl+C)`);

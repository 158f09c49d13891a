// `npm run build`: always build (the production way: build once, then `npm start` reuses it).
import { runNextBuild } from "./build-fingerprint";

runNextBuild();

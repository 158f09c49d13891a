import { NotFoundMessage } from "@/components/layout/not-found-message";
import { SiteChrome } from "@/components/layout/site-chrome";

// Rendered for URLs that match no route, and for reader pages the server found missing
// (lib/reader-page-existence.ts routes those here, since it is rendered fully on the server).
export default function NotFound() {
  return (
    <SiteChrome>
      <NotFoundMessage />
    </SiteChrome>
  );
}

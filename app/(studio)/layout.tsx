import { SiteChrome } from "@/components/layout/site-chrome";

export default function StudioLayout({ children }: { children: React.ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}

"use client";

// Shown when the root layout itself fails (it reads the site settings, so a database that does
// not answer ends here). It replaces the whole document, hence its own <html> and <body>. Like
// app/error.tsx it shows no detail: in production Next sends the browser only a digest, and the
// error itself is in the server log (instrumentation.ts).
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "40rem", margin: "4rem auto", padding: "0 1rem" }}>
        <title>Something went wrong</title>
        <main>
          <h1>Something went wrong</h1>
          <p>The site could not show this page. Please try again in a moment.</p>
          <button type="button" onClick={() => retry()}>
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}

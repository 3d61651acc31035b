import request from 'supertest';

/** An HTTP client that keeps cookies between requests, like a browser. */
export function browserAgent(url: string) {
  return request.agent(url);
}

/** The CSRF token of the first form in an HTML page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('No CSRF token in the page');
  return match[1];
}

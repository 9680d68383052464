// Over a 360 view (the set tour, the meet-up stage) when the browser gives no WebGL: the picture cannot show, the
// rest of the page still works, and `text` says so in the view's own words.
export function NoWebGlNotice({ text }: { text: string }) {
  return (
    <div className="overlay" data-testid="no-webgl">
      <p className="card" role="alert">
        {text}
      </p>
    </div>
  );
}

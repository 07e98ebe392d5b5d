// `autofocus` is a global attribute in HTML: any focusable element may carry it (an error summary
// with `tabindex="-1"`, for instance). @kitajs/html types it on form controls only.
declare namespace JSX {
  interface HtmlTag {
    autofocus?: undefined | boolean
  }
}

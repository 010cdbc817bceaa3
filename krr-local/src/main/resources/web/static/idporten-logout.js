// krr-local ID-porten logout page: once every front-channel logout iframe has loaded (or after
// 3 s), follow the "Continue" link to the client's post_logout_redirect_uri.
(function () {
  var link = document.getElementById("continue");
  if (!link) {
    return;
  }
  var frames = document.querySelectorAll("iframe.frontchannel");
  var waiting = frames.length;
  var gone = false;
  function go() {
    if (!gone) {
      gone = true;
      window.location.assign(link.href);
    }
  }
  if (waiting === 0) {
    go();
    return;
  }
  frames.forEach(function (frame) {
    frame.addEventListener("load", function () {
      waiting -= 1;
      if (waiting === 0) {
        go();
      }
    });
  });
  setTimeout(go, 3000);
})();

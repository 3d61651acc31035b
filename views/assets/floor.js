// The floor page with script: the countdown runs here (no request per second), and the page
// reloads when another device changes the list. Without script, every button is a form and the
// page shows the time limit.
(function () {
  var floor = document.getElementById('floor');
  if (!floor) return;
  var skew = Date.parse(floor.getAttribute('data-now')) - Date.now();
  var clock = document.getElementById('countdown');
  if (clock) {
    var seconds = Number(clock.getAttribute('data-seconds'));
    var started = clock.getAttribute('data-started');
    var show = function () {
      var left = started ? seconds - Math.floor((Date.now() + skew - Date.parse(started)) / 1000) : seconds;
      var sign = left < 0 ? '−' : '';
      var abs = Math.abs(left);
      clock.textContent =
        sign + String(Math.floor(abs / 60)).padStart(2, '0') + ':' + String(abs % 60).padStart(2, '0');
      clock.classList.toggle('over', left < 0);
      clock.classList.toggle('ending', left >= 0 && left <= 30);
    };
    show();
    if (started) setInterval(show, 1000);
  }
  var stamp = floor.getAttribute('data-stamp');
  var url = floor.getAttribute('data-state');
  var busy = false;
  setInterval(function () {
    if (busy || document.hidden) return;
    busy = true;
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (res) {
        return res.ok ? res.json() : null;
      })
      .then(function (state) {
        if (state && state.stamp !== stamp) window.location.replace(window.location.pathname);
      })
      .catch(function () {})
      .then(function () {
        busy = false;
      });
  }, 2500);
})();

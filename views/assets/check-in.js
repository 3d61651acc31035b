// Scanning a badge with the camera, where the browser has a barcode reader (BarcodeDetector).
// Without it the page works as is: the code is typed, or the person is found by name.
(function () {
  if (!('BarcodeDetector' in window) || !navigator.mediaDevices) return;
  var scanner = document.getElementById('scanner');
  var start = document.getElementById('scan-start');
  var video = document.getElementById('scan-video');
  var form = document.getElementById('code-form');
  var input = document.getElementById('code');
  if (!scanner || !start || !video || !form || !input) return;
  scanner.hidden = false;
  start.addEventListener('click', function () {
    var detector = new window.BarcodeDetector({ formats: ['qr_code'] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        return video.play().then(function () {
          var look = function () {
            detector
              .detect(video)
              .then(function (codes) {
                if (codes.length > 0) {
                  stream.getTracks().forEach(function (t) {
                    t.stop();
                  });
                  input.value = codes[0].rawValue;
                  form.submit();
                } else {
                  requestAnimationFrame(look);
                }
              })
              .catch(function () {
                requestAnimationFrame(look);
              });
          };
          look();
        });
      })
      .catch(function () {
        start.disabled = true;
      });
  });
})();

// Drag and drop on the agenda builder: a session block dropped on a room column and a time row
// is moved there (same length), through the same form a person could post. Without a script,
// or with a keyboard, the session's own page changes its room and time.
(function () {
  var grid = document.querySelector('.builder.editable');
  var form = document.getElementById('move-form');
  if (!grid || !form || !('draggable' in document.createElement('a'))) return;
  var hint = document.getElementById('drag-hint');
  if (hint) hint.hidden = false;
  var rooms = Array.prototype.slice.call(grid.querySelectorAll('.room-head'));
  var slots = Array.prototype.slice.call(grid.querySelectorAll('.slot'));
  var dragged = null;

  // The room column and the 15-minute row under a point of the page.
  function placeAt(x, y) {
    var room = rooms.find(function (r) {
      var box = r.getBoundingClientRect();
      return x >= box.left && x < box.right;
    });
    var slot = slots.find(function (s) {
      var box = s.getBoundingClientRect();
      return y >= box.top && y < box.bottom;
    });
    return room && slot ? { roomId: room.dataset.roomId, start: slot.dataset.time } : null;
  }

  grid.querySelectorAll('.block').forEach(function (block) {
    block.setAttribute('draggable', 'true');
    block.addEventListener('dragstart', function (event) {
      dragged = block;
      event.dataTransfer.effectAllowed = 'move';
      event.dataTransfer.setData('text/plain', block.dataset.sessionId);
      // Where in the block it was grabbed: the drop point is its top edge.
      block.dataset.grabY = String(event.clientY - block.getBoundingClientRect().top);
      grid.classList.add('dragging');
    });
    block.addEventListener('dragend', function () {
      grid.classList.remove('dragging');
    });
  });
  grid.addEventListener('dragover', function (event) {
    if (dragged) event.preventDefault();
  });
  grid.addEventListener('drop', function (event) {
    if (!dragged) return;
    event.preventDefault();
    var place = placeAt(event.clientX, event.clientY - Number(dragged.dataset.grabY || 0) + 2);
    if (!place) return;
    form.elements.sessionId.value = dragged.dataset.sessionId;
    form.elements.revision.value = dragged.dataset.revision;
    form.elements.roomId.value = place.roomId;
    form.elements.start.value = place.start;
    dragged = null;
    form.submit();
  });
})();

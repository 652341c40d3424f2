// The example portal listens to the widget's events, as a host page would.
const log = document.getElementById("portal-events");
for (const name of ["ready", "step", "confirmed", "submitted", "error"]) {
  document.addEventListener(`mobproc:${name}`, (event) => {
    const item = document.createElement("li");
    item.textContent = `${name} ${JSON.stringify(event.detail)}`;
    item.dataset.event = name;
    log.append(item);
  });
}

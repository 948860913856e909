// Draws a BPMN diagram with bpmn-js and marks the current and finished steps.
// Markup: <div class="bpmn-diagram" data-diagram="/diagrams/Key.bpmn" data-active="A,B" data-done="C,D">
document.querySelectorAll('.bpmn-diagram[data-diagram]').forEach(async (container) => {
  const split = (value) => (value || '').split(',').filter(Boolean);
  try {
    const response = await fetch(container.dataset.diagram, { credentials: 'same-origin' });
    if (!response.ok) throw new Error('HTTP ' + response.status);
    const viewer = new BpmnJS({ container });
    await viewer.importXML(await response.text());
    const canvas = viewer.get('canvas');
    const registry = viewer.get('elementRegistry');
    split(container.dataset.done).forEach((id) => registry.get(id) && canvas.addMarker(id, 'step-done'));
    split(container.dataset.active).forEach((id) => registry.get(id) && canvas.addMarker(id, 'step-current'));
    const scale = canvas.zoom('fit-viewport');
    const current = split(container.dataset.active).map((id) => registry.get(id)).find(Boolean);
    if (current && scale < 0.6) {
      // too small to read (a phone): show the current step at a legible size, in the middle; drag to see the rest
      const legible = 0.8;
      const { width, height } = canvas.viewbox().outer;
      canvas.viewbox({ x: current.x + current.width / 2 - width / legible / 2,
        y: current.y + current.height / 2 - height / legible / 2, width: width / legible, height: height / legible });
    }
  } catch (error) {
    container.textContent = 'The process diagram could not be shown (' + error.message + ').';
  }
});

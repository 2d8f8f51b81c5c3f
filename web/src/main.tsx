import { render } from "preact";
import { App } from "./App";
import { getPrefs } from "./prefs";
import "./styles.css";

document.documentElement.dataset.digits = getPrefs().digits;
const root = document.getElementById("app")!;
render(<App />, root);
root.dataset.ready = "1";

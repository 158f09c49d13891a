// What happens to a deleted account's comments; the same choice for users and for admins.
export function DeletedCommentsChoice({ legend, selected }: { legend: string; selected: string }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <label>
        <input type="radio" name="comments" value="keep" defaultChecked={selected === "keep"} /> Keep them, shown as “Deleted user”
      </label>
      <label>
        <input type="radio" name="comments" value="remove" defaultChecked={selected === "remove"} /> Remove them
      </label>
    </fieldset>
  );
}
